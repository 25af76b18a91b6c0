"""Control: the state of every place over time, from the fused events."""
from frontwatch.control.tally import tallies, timeline_range
from frontwatch.control.timeline import ControlState, build_timelines, place_key, state_on

__all__ = ["ControlState", "build_timelines", "place_key", "state_on", "tallies", "timeline_range"]

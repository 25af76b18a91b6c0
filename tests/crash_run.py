"""kill -9 at chosen moments of the whole job, a resume, and the checks that it equals a clean run.

The job is what a user runs: `frontwatch run CORPUS`, then the exports (ACLED CSV, GeoJSON,
Parquet, control CSV and JSON). A trial starts the job on a fresh store, kills it with
SIGKILL after a delay, sometimes kills the resumed job too, then runs the job to the end and
compares the store and the exports with those of a clean run on the same corpus:

- the store passes ``PRAGMA integrity_check`` and ``foreign_key_check``;
- every input is counted once: articles + rejections == the inputs, no duplicate rows;
- every table holds what the clean run's holds (timestamps of when a row was written left out);
- every export is byte for byte the clean run's, except the ACLED ``timestamp`` column, the
  time fusion last changed the event, which differs between any two runs;
- an export file that a kill left behind is a whole one, never a truncated one;
- a kill leaves no process of the killed command running (forked workers end with it).

Used by scripts/crash_trials.py (many trials) and tests/test_run_crash.py (a few).
"""
from __future__ import annotations

import csv
import io
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
NEWS_ARTICLES = ROOT / "eval" / "news" / "dev" / "articles"

EXPORTS = (("acled-csv", "events.csv"), ("geojson", "events.geojson"), ("parquet", "events.parquet"),
           ("control-csv", "control.csv"), ("control-json", "control.json"))
RUN_STAGES = ("ingest", "copies", "extract", "fuse")
# The windows kills are aimed at: each stage of the run, then the exports.
WINDOWS = RUN_STAGES + ("export",)
# Small batches make many transactions, so kills land between and inside them.
BATCH_ENV = {"FRONTWATCH_INGEST_BATCH": "5", "FRONTWATCH_COPIES_BATCH": "8",
             "FRONTWATCH_EXTRACT_BATCH": "4"}
# Columns that say when a row was written: they differ between any two runs.
WRITE_TIMES = {"ingested_at", "first_seen", "last_seen", "finished_at", "extracted_at",
               "updated_at", "applied_at"}
BAR_LINE = re.compile(r"^(ingest|copies|extract|fuse)\s")


# ---------------------------------------------------------------------------------------------
# The corpus


@dataclass(frozen=True)
class CorpusSize:
    """How much to add to the sample corpus, so that each stage lasts long enough to be hit."""

    other_news: int = 120      # ingest and copies read them; the prefilter keeps spaCy off them
    conflict: int = 8          # more to extract and more places to fuse
    copies: int = 3            # conflict stories carried again by another outlet
    roundups: int = 6          # short reports of districts won and lost: many places to fuse


def build_corpus(folder: Path, size: CorpusSize = CorpusSize(), seed: int = 7) -> int:
    """The sample corpus plus generated news under ``folder``; return how many inputs the
    generated part adds that are rejected (a broken JSONL line and an empty file). Among
    the generated inputs: copies of stories, and a corrected story (a new version of a URL)."""
    rng = random.Random(seed)
    shutil.copytree(EXAMPLES, folder)
    extra = folder / "more"
    extra.mkdir()
    _write_jsonl(extra / "other_news.jsonl", [other_article(rng, i) for i in range(size.other_news)])
    stories = conflict_articles(size.conflict)
    _write_jsonl(extra / "conflict_wire.jsonl", stories)
    for i, story in enumerate(stories[:size.copies]):
        paragraphs = story["text"].split("\n\n")
        carried = "\n\n".join(paragraphs[:max(1, len(paragraphs) - 1)])
        (extra / f"carried_{i:02d}.txt").write_text(
            f"{story['title']}\n\nBy Hillside Post staff\n\n{carried}\n", encoding="utf-8")
    for i in range(size.roundups):
        places = DISTRICTS[i::size.roundups]
        (extra / f"roundup_{i:02d}.txt").write_text(roundup(rng, i, places), encoding="utf-8")
    corrected = dict(stories[0], text=stories[0]["text"] + "\n\nThis story has been corrected.")
    _write_jsonl(extra / "wire_corrections.jsonl", [corrected])   # a new version of a stored URL
    (extra / "broken.jsonl").write_text(
        json.dumps(other_article(rng, 9999)) + "\n{\"id\": \"cut-off\", \"text\": \"Half a rec\n",
        encoding="utf-8")
    (extra / "empty.txt").write_text("", encoding="utf-8")
    return 2


TOPIC_WORDS = ("match goal season league coach striker derby title cup final squad transfer fans "
               "shares profit revenue quarter forecast dividend investors market prices inflation "
               "rain snow wind storm frost fog showers sunshine festival concert film album museum "
               "novel prize theatre orchestra parliament vote bill committee budget taxes schools").split()
GLUE = ("the a of in on and with for after before while as said says will would could new last "
        "next this that its their more than about over under").split()


def other_article(rng: random.Random, i: int) -> dict:
    """News of no conflict, drawn word by word, so no two share the runs of words of a copy."""
    def sentence() -> str:
        words = [rng.choice(TOPIC_WORDS if rng.random() < 0.55 else GLUE)
                 for _ in range(rng.randint(12, 24))]
        words.insert(rng.randint(1, len(words) - 1), str(rng.randint(2, 9000)))
        return " ".join(words).capitalize() + "."

    paragraphs = [" ".join(sentence() for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(3, 6))]
    text = "\n\n".join(paragraphs)
    return {"id": f"other-{i}", "url": f"https://town.example/news/{i}", "title": f"Town notes {i}",
            "outlet": "Town Crier", "published": f"2021-08-{rng.randint(1, 28):02d}", "text": text}


DISTRICTS = ("Nerkh Jalrez Chak Sayedabad Andar Qarabagh Muqur Jaghatu Zhari Panjwai Arghandab Maiwand "
             "Garmsir Sangin Kajaki Dand Khakrez Dehrawud Chora Gizab Shindand Adraskan Ghoryan Kohsan Obe "
             "Karukh Qades Almar Dawlatabad Aqcha Darzab Balkh Chimtal Kaldar Shortepa Khulm Khanabad "
             "Aliabad Burka Nahrin Doshi Khinjan Andarab Taloqan Rustaq Kalafgan Baharak Jurm Keshem Argo "
             "Ishkamish Farkhar").split()
MOVES = {"besieged": "Taliban fighters besieged {place} on {day} August",
         "captured": "The Taliban took control of {place} district on {day} August",
         "recaptured": "Government forces recaptured {place} on {day} August",
         "withdrew": "Government troops withdrew from {place} district on {day} August",
         "entered": "Taliban fighters entered {place} on {day} August"}
SAID = ("officials said", "a local council member said", "residents told reporters", "according to police")


def roundup(rng: random.Random, i: int, places: tuple[str, ...]) -> str:
    """A round-up of the week's fighting: three moves at each place, in the order they follow."""
    lines = [f"Round-up {i}: a week of fighting in the districts", ""]
    for place in places:
        day = rng.randint(1, 10)
        for kind in sorted(rng.sample(sorted(MOVES), 3), key=list(MOVES).index):
            lines.append(MOVES[kind].format(place=place, day=day) + ", " + rng.choice(SAID) + ".")
            day += rng.randint(1, 3)
    return "\n".join(lines) + "\n"


def conflict_articles(n: int) -> list[dict]:
    """The first ``n`` articles of the news gold's development set."""
    lines = []
    for path in sorted(NEWS_ARTICLES.glob("*.jsonl")):
        lines += [line for line in path.read_text("utf-8").splitlines() if line.strip()]
    return [json.loads(line) for line in lines[:n]]


def _write_jsonl(path: Path, items: list[dict]) -> None:
    path.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items), encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Running the job, and killing it


@dataclass
class Job:
    """The commands of one job on one store, run in ``workdir`` (no frontwatch.toml there)."""

    corpus: Path
    db: Path
    out: Path
    workdir: Path
    env: dict[str, str]

    def commands(self) -> list[tuple[str, list[str]]]:
        fw = [sys.executable, "-m", "frontwatch"]
        run = ("run", fw + ["run", str(self.corpus), "--db", str(self.db)])
        exports = [(f"export:{fmt}", fw + ["export", "--format", fmt, "--out", str(self.out / name),
                                          "--db", str(self.db)]) for fmt, name in EXPORTS]
        return [run] + exports


@dataclass(frozen=True)
class KillPoint:
    """When to SIGKILL: ``offset`` seconds after ``window`` began ("job": the job's start).

    Aiming at a window rather than at a time since the start keeps a kill in its stage when
    a busy machine makes the earlier stages slower than in the clean run."""

    window: str
    offset: float

    def __str__(self) -> str:
        return f"{self.window}+{self.offset:.2f}s"


@dataclass
class Outcome:
    """What one run of a job did: the stage a kill landed in (None: it ran to the end),
    each finished command's exit status and output, and when each window began."""

    killed_in: str | None = None
    returncodes: dict[str, int] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    began: dict[str, float] = field(default_factory=dict)
    left_running: list[str] = field(default_factory=list)
    seconds: float = 0.0


def job_env(gazetteer: str | None = None, source: Path | None = None) -> dict[str, str]:
    """The commands' environment: small batches, the gazetteer, and the source to run
    (``source``: a copy from snapshot_source; default: the checkout's)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("FRONTWATCH_")}
    env.update(BATCH_ENV)
    if gazetteer:
        env["FRONTWATCH_GAZETTEER"] = gazetteer
    if source:
        env["PYTHONPATH"] = os.pathsep.join([str(source), *filter(None, [env.get("PYTHONPATH")])])
    return env


def snapshot_source(folder: Path) -> Path:
    """A copy of the package's source, so that every run of a long series runs the same code
    while the checkout is edited (the copy comes first on PYTHONPATH)."""
    target = folder / "src"
    shutil.copytree(ROOT / "src", target, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    return target


def run_job(job: Job, kill: KillPoint | None = None) -> Outcome:
    """Run the job's commands in order; with ``kill``, SIGKILL the command running at that
    moment and stop there (a window that never begins: no kill)."""
    job.out.mkdir(parents=True, exist_ok=True)
    start = time.monotonic()
    outcome = Outcome(began={"job": start})
    for name, argv in job.commands():
        proc = subprocess.Popen(argv, cwd=job.workdir, env=job.env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        lines = _collect_lines(proc, outcome.began)
        if _wait(proc, lambda: _deadline(kill, outcome.began, job.db)):
            _join(lines)
            outcome.returncodes[name] = proc.returncode
            if proc.returncode not in (0, 1) or (proc.returncode and name != "run"):
                outcome.errors[name] = "".join(lines["text"])[-2000:]
            outcome.began.setdefault("export", time.monotonic())
            continue
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        outcome.left_running = _left_running(job.db)
        _join(lines)
        outcome.killed_in = _stage_of(name, lines["bars"], job.db)
        break
    outcome.seconds = time.monotonic() - start
    return outcome


def _left_running(db: Path, grace: float = 5.0) -> list[str]:
    """Processes of the killed command still running after ``grace`` seconds (workers it
    started, which should notice their parent is gone); they are killed, and reported."""
    deadline = time.monotonic() + grace
    while (left := _processes_on(db)) and time.monotonic() < deadline:
        time.sleep(0.1)
    for pid, _ in left:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    return [f"pid {pid}: {command[:120]}" for pid, command in left]


def _processes_on(db: Path) -> list[tuple[int, str]]:
    """(pid, command line) of the processes whose command line names the store ``db``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if str(db) in command.split():
            found.append((int(entry.name), command.strip()))
    return found


def _deadline(kill: KillPoint | None, began: dict[str, float], db: Path) -> float | None:
    """When to kill (None: not known yet). Ingest begins once the command has opened the
    store (the imports before it are the startup), or at once when the store was there."""
    if "ingest" not in began and db.exists():
        began["ingest"] = time.monotonic()
    if kill is None or kill.window not in began:
        return None
    return began[kill.window] + kill.offset


def _collect_lines(proc: subprocess.Popen, began: dict[str, float]) -> dict:
    """Read the process's output in threads: every line, and the stages whose bar closed
    (a stage's bar closes when the next stage begins: that window's start goes in ``began``)."""
    found: dict = {"text": [], "bars": [], "threads": []}

    def read(stream, is_stderr: bool) -> None:
        for line in stream:
            found["text"].append(line)
            match = BAR_LINE.match(line) if is_stderr else None
            if match:
                found["bars"].append(match.group(1))
                after = (*RUN_STAGES, "finish")[RUN_STAGES.index(match.group(1)) + 1]
                began.setdefault(after, time.monotonic())

    for stream, is_stderr in ((proc.stdout, False), (proc.stderr, True)):
        thread = threading.Thread(target=read, args=(stream, is_stderr), daemon=True)
        thread.start()
        found["threads"].append(thread)
    return found


def _join(lines: dict) -> None:
    for thread in lines["threads"]:
        thread.join(timeout=10)


def _wait(proc: subprocess.Popen, deadline) -> bool:
    """True when the process ended before ``deadline()`` (None: not known yet) passed."""
    while proc.poll() is None:
        due = deadline()
        if due is not None and time.monotonic() >= due:
            return False
        time.sleep(0.01)
    return True


def _stage_of(command: str, bars_closed: list[str], db: Path) -> str:
    """The stage a killed command was in: a run's bars close as each stage ends, so the
    stage after the last closed one; before any, "startup" until the store has its tables
    (a re-run finds them there, so its startup counts as ingest)."""
    if command != "run":
        return "export"
    if not bars_closed:
        return "ingest" if _has_tables(db) else "startup"
    done = RUN_STAGES.index(bars_closed[-1])
    return RUN_STAGES[done + 1] if done + 1 < len(RUN_STAGES) else "finish"


def _has_tables(db: Path) -> bool:
    if not db.exists():
        return False
    try:
        with closing(sqlite3.connect(db, timeout=30)) as conn:
            return bool(conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles'").fetchone())
    except sqlite3.DatabaseError:
        return False


def window_lengths(reference: Outcome) -> dict[str, float]:
    """How long each window lasted in the clean job, in seconds (the run's finish, from
    the fuse bar to its exit, is no window of its own)."""
    ends = {"ingest": "copies", "copies": "extract", "extract": "fuse", "fuse": "finish"}
    end_of_job = reference.began["job"] + reference.seconds
    return {w: max(0.05, (reference.began[ends[w]] if w in ends else end_of_job) - reference.began[w])
            for w in WINDOWS}


def plan_kills(reference: Outcome, n: int, rng: random.Random, spread: str = "stages") -> list[KillPoint]:
    """Kill points over the whole job: "stages" aims trial i at window i (in turn) and a random
    moment of it, so short stages are hit too; "time" spreads them evenly over the job."""
    if spread == "time":
        return [KillPoint("job", (i + rng.random()) / n * reference.seconds) for i in range(n)]
    lengths = window_lengths(reference)
    return [KillPoint(w, rng.uniform(0, lengths[w])) for w in (WINDOWS[i % len(WINDOWS)] for i in range(n))]


def random_kill(reference: Outcome, rng: random.Random) -> KillPoint:
    window = rng.choice(WINDOWS)
    return KillPoint(window, rng.uniform(0, window_lengths(reference)[window]))


# ---------------------------------------------------------------------------------------------
# What a clean run left, and the comparison


@dataclass
class Reference:
    """A clean run's store snapshot and exports, and the number of inputs in the corpus."""

    outcome: Outcome
    tables: dict[str, list[tuple]]
    exports: dict[str, bytes]
    inputs: int


def store_tables(db: Path) -> dict[str, list[tuple]]:
    """Every table's rows (write times left out), sorted; articles also in ingest order."""
    with closing(sqlite3.connect(db)) as conn:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1")]
        tables = {}
        for name in names:
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({name})") if r[1] not in WRITE_TIMES]
            quoted = ", ".join(f'"{c}"' for c in columns)
            tables[name] = sorted(conn.execute(f"SELECT {quoted} FROM {name}").fetchall(), key=repr)
        tables["articles (ingest order)"] = conn.execute("SELECT id FROM articles ORDER BY rowid").fetchall()
    return tables


def read_exports(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for _, name in EXPORTS if (out / name).exists()}


def make_reference(job: Job, planted_rejections: int | None = None) -> Reference:
    """The clean run; raises when it fails or leaves the store inconsistent."""
    outcome = run_job(job)
    if outcome.errors or outcome.returncodes.get("run") not in (0, 1):
        raise RuntimeError(f"the clean run failed: {outcome.returncodes} {outcome.errors}")
    tables = store_tables(job.db)
    inputs = len(tables["articles"]) + len(tables["rejections"])
    if planted_rejections is not None and len(tables["rejections"]) != planted_rejections:
        raise RuntimeError(f"the clean run rejected {len(tables['rejections'])} input(s), "
                           f"the corpus holds {planted_rejections} bad one(s)")
    return Reference(outcome, tables, read_exports(job.out), inputs)


def check_store(db: Path, reference: Reference) -> list[str]:
    """What is wrong with a resumed store, compared with the clean one (nothing: [])."""
    with closing(sqlite3.connect(db)) as conn:
        integrity = conn.execute("PRAGMA integrity_check").fetchall()
        foreign = conn.execute("PRAGMA foreign_key_check").fetchall()
        duplicates = conn.execute("SELECT source, position, count(*) FROM articles GROUP BY 1, 2 "
                                  "HAVING count(*) > 1").fetchall()
        duplicate_rejections = conn.execute("SELECT source, position, count(*) FROM rejections "
                                            "GROUP BY 1, 2 HAVING count(*) > 1").fetchall()
        articles, rejections = (conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                                for t in ("articles", "rejections"))
    problems = []
    if integrity != [("ok",)]:
        problems.append(f"integrity_check: {integrity[:5]}")
    if foreign:
        problems.append(f"foreign_key_check: {foreign[:5]}")
    if duplicates or duplicate_rejections:
        problems.append(f"inputs stored twice: {(duplicates + duplicate_rejections)[:5]}")
    if articles + rejections != reference.inputs:
        problems.append(f"{articles} articles + {rejections} rejections != {reference.inputs} inputs")
    tables = store_tables(db)
    for name, rows in reference.tables.items():
        problems += _table_difference(name, rows, tables.get(name, []))
    return problems


def _table_difference(name: str, expected: list[tuple], got: list[tuple]) -> list[str]:
    if expected == got:
        return []
    got_rows, expected_rows = set(got), set(expected)
    missing = [r for r in expected if r not in got_rows]
    extra = [r for r in got if r not in expected_rows]
    return [f"table {name}: {len(got)} rows, the clean run {len(expected)}; "
            f"{len(missing)} missing (e.g. {_short(missing[:1])}), {len(extra)} unexpected "
            f"(e.g. {_short(extra[:1])})" + ("; same rows, other order" if not missing and not extra else "")]


def _short(rows: list[tuple]) -> str:
    return repr(rows)[:300]


def normalised(name: str, data: bytes) -> bytes:
    """An export with the ACLED ``timestamp`` (when fusion last wrote the event) blanked:
    the one value two clean runs do not share. Other formats are compared as they are."""
    if name == "events.csv":
        rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
        column = rows[0].index("timestamp")
        out = io.StringIO(newline="")
        csv.writer(out).writerows([row[:column] + [""] + row[column + 1:] for row in rows[1:]])
        return (",".join(rows[0]) + "\n" + out.getvalue()).encode("utf-8")
    if name == "events.geojson":
        collection = json.loads(data)
        for feature in collection["features"]:
            feature["properties"]["timestamp"] = None
        return json.dumps(collection, ensure_ascii=False).encode("utf-8")
    if name == "events.parquet":
        return _normalised_parquet(data)
    return data


def _normalised_parquet(data: bytes) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pq.read_table(pa.BufferReader(data))
    column = table.schema.get_field_index("timestamp")
    table = table.set_column(column, "timestamp", pa.nulls(len(table), pa.int64()))
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return sink.getvalue().to_pybytes()


def check_exports(out: Path, reference: Reference, complete: bool = True) -> list[str]:
    """Exports that differ from the clean run's; ``complete``: every export must be there
    (after a kill, only the ones already written, and each of them whole)."""
    problems = []
    got = read_exports(out)
    for name, expected in reference.exports.items():
        if name not in got:
            problems += [f"export {name} missing"] if complete else []
            continue
        try:
            same = normalised(name, got[name]) == normalised(name, expected)
        except Exception as exc:  # a truncated file may not even parse
            problems.append(f"export {name} unreadable ({type(exc).__name__}: {exc})")
            continue
        if not same:
            problems.append(f"export {name} differs from the clean run's: "
                            f"{_first_difference(got[name], expected)}")
    return problems


def _first_difference(got: bytes, expected: bytes) -> str:
    at = next((i for i, (a, b) in enumerate(zip(got, expected)) if a != b), min(len(got), len(expected)))
    return (f"{len(got)} bytes, the clean run {len(expected)}; from byte {at}: "
            f"{got[at:at + 80]!r} vs {expected[at:at + 80]!r}")


def _left_by_kill(out: Path, reference: Reference, outcome: Outcome) -> list[str]:
    """A kill must leave each export either not yet written or whole, and no process behind."""
    problems = check_exports(out, reference, complete=False)
    if outcome.left_running:
        problems.append(f"{len(outcome.left_running)} process(es) of the killed command still ran "
                        f"after it: " + "; ".join(outcome.left_running))
    return [f"after the kill: {p}" for p in problems]


# ---------------------------------------------------------------------------------------------
# Trials


@dataclass
class Trial:
    index: int
    kill: KillPoint
    killed_in: str | None
    rekill: KillPoint | None = None
    rekilled_in: str | None = None
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def line(self) -> str:
        kills = f"kill at {self.kill} in {self.killed_in or 'none (the job ended first)'}"
        if self.rekill is not None:
            kills += f", its re-run killed at {self.rekill} in {self.rekilled_in or 'none'}"
        verdict = "ok" if not self.problems else f"FAILED ({len(self.problems)} problem(s))"
        return f"trial {self.index:3d}: {kills}; {verdict} [{self.seconds:.0f}s]"


def run_trial(index: int, workdir: Path, corpus: Path, env: dict[str, str], reference: Reference,
              kill: KillPoint, rekill: KillPoint | None = None) -> Trial:
    """Kill the job on a fresh store, perhaps its re-run too, resume to the end, compare."""
    started = time.monotonic()
    here = workdir / f"trial_{index:03d}"
    here.mkdir()
    job = Job(corpus, here / "store.db", here / "out", here, env)
    first = run_job(job, kill)
    trial = Trial(index, kill, first.killed_in, rekill)
    trial.problems += _left_by_kill(job.out, reference, first)
    if rekill is not None:
        again = run_job(job, rekill)
        trial.rekilled_in = again.killed_in
        trial.problems += _left_by_kill(job.out, reference, again)
    resumed = run_job(job)
    if resumed.returncodes.get("run") != reference.outcome.returncodes["run"]:
        trial.problems.append(f"resumed run exited {resumed.returncodes.get('run')}, the clean run "
                              f"{reference.outcome.returncodes['run']}")
    trial.problems += [f"{name} failed: {text[-600:]}" for name, text in resumed.errors.items()]
    trial.problems += check_store(job.db, reference)
    trial.problems += check_exports(job.out, reference)
    trial.seconds = time.monotonic() - started
    if not trial.problems:
        shutil.rmtree(here)
    return trial


def run_trials(workdir: Path, corpus: Path, env: dict[str, str], reference: Reference, n: int,
               seed: int, spread: str = "stages", rekill_share: float = 0.3,
               report=lambda trial: None) -> list[Trial]:
    """``n`` trials; a share ``rekill_share`` of them also has its re-run killed."""
    rng = random.Random(seed)
    trials = []
    for index, kill in enumerate(plan_kills(reference.outcome, n, rng, spread)):
        rekill = random_kill(reference.outcome, rng) if rng.random() < rekill_share else None
        trial = run_trial(index, workdir, corpus, env, reference, kill, rekill)
        report(trial)
        trials.append(trial)
    return trials


def stage_histogram(trials: list[Trial]) -> Counter:
    """How many kills landed in each stage (first kills and re-run kills together)."""
    hits = Counter(t.killed_in or "none" for t in trials)
    hits.update(t.rekilled_in or "none" for t in trials if t.rekill is not None)
    return hits

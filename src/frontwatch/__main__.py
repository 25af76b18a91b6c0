from frontwatch.cli import main

# Guarded: worker processes of the dask engine are spawned and import this module again.
if __name__ == "__main__":
    main(prog_name="frontwatch")

from frontwatch.cli import main

main(prog_name="frontwatch")

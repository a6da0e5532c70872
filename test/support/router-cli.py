"""A scripted network device for the terminal plugin's tests: sshd runs it as every login's forced
command, on the pseudo-terminal the client asked for. It behaves like a router's CLI: a banner, a
question before the first prompt, a `NAME# ` prompt, commands that ask questions, errors printed
as `% ...`, a `BUSY` answer the first time, and `exit`."""
import os
import sys
import tty

STATE = sys.argv[1]
tty.setraw(0)


def out(text):
    os.write(1, text.replace("\n", "\r\n").encode())


def read_line():
    typed = b""
    while True:
        c = os.read(0, 1)
        if not c:
            sys.exit(0)
        if c in (b"\r", b"\n"):
            out("\n")
            return typed.decode()
        typed += c
        os.write(1, c)


out("Isthmus test router\nAuthorized access only\n")
out("Accept the terms? [yes/no] ")
if read_line().strip() != "yes":
    out("bye\n")
    sys.exit(1)
hostname = "edge1"
while True:
    out(hostname + "# ")
    command = read_line().strip()
    if command == "show version":
        out("Isthmus IOS 15.2(4)\nuptime is 3 days\n")
    elif command.startswith("hostname "):
        hostname = command.split()[1]
    elif command == "show hostname":
        out(hostname + "\n")
    elif command == "copy running-config flash:":
        out("Destination filename [running-config]? ")
        name = read_line().strip() or "running-config"
        out("Do you want to over write? [confirm]")
        answer = os.read(0, 1).decode()
        out("\n")
        out("Copied to flash:" + name + "\n" if answer == "y" else "Aborted\n")
    elif command == "busy":
        marker = os.path.join(STATE, "busy")
        if os.path.exists(marker):
            out("done\n")
        else:
            open(marker, "w").close()
            out("BUSY: the configuration is locked\n")
    elif command == "flood":
        for _ in range(40):
            os.write(1, b"x" * 32768)
        out("\n")
    elif command == "erase":
        out("FATAL: flash is corrupted\n")
    elif command in ("exit", "quit"):
        out("bye\n")
        sys.exit(0)
    elif command:
        out("% Invalid input detected at '^' marker.\n")

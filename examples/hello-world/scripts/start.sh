#!/usr/bin/env sh
# start step of the hello-world example: records what it did.
set -eu
echo "start ${ISTHMUS_NODE_INSTANCE:-unknown}"

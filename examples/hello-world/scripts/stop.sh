#!/usr/bin/env sh
# stop step of the hello-world example: records what it did.
set -eu
echo "stop ${ISTHMUS_NODE_INSTANCE:-unknown}"

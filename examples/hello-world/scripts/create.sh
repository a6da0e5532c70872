#!/usr/bin/env sh
# create step of the hello-world example: records what it did.
set -eu
echo "create ${ISTHMUS_NODE_INSTANCE:-unknown}"

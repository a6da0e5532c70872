#!/bin/sh
set -eu
rm -rf "${TMPDIR:-/tmp}/isthmus-lb/${ISTHMUS_DEPLOYMENT_ID}"
echo "load balancer configuration removed"

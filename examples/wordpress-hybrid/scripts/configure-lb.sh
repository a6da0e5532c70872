#!/bin/sh
# Stands in for an external load balancer (an appliance, a Windows host, a cloud LB API): writes
# its configuration with the WordPress Service address it was given through get_attribute.
set -eu
: "${backend_address:?the WordPress Service has no load-balancer address yet}"
dir="${TMPDIR:-/tmp}/isthmus-lb/${ISTHMUS_DEPLOYMENT_ID}"
mkdir -p "$dir"
cat > "$dir/wordpress.conf" <<CONF
upstream wordpress { server ${backend_address}:${backend_port}; }
server {
  listen 80;
  server_name ${public_host};
  location / { proxy_pass http://wordpress; }
}
CONF
echo "load balancer: ${public_host} -> ${backend_address}:${backend_port} ($dir/wordpress.conf)"
echo "isthmus:runtime-property public_url=http://${public_host}/"
echo "isthmus:runtime-property backend=${backend_address}:${backend_port}"
echo "isthmus:runtime-property config_file=$dir/wordpress.conf"

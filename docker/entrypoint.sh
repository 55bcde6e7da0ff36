#!/bin/sh
# Starts Payara Micro with the Diffyne WAR. Phone-home is always off; clustering is off unless
# PAYARA_CLUSTER_ARGS carries TCP/IP discovery flags (see docker-compose.yml). Extra arguments are passed through.
set -eu
# shellcheck disable=SC2086 # JVM_ARGS and PAYARA_CLUSTER_ARGS are word lists on purpose
exec java ${JVM_ARGS:-} -jar /opt/payara/payara-micro.jar \
    --disablephonehome \
    ${PAYARA_CLUSTER_ARGS:---nocluster} \
    --port 8080 \
    --logproperties /opt/payara/config/logging.properties \
    --deploy /opt/payara/deployments/diffyne.war:/ \
    "$@"

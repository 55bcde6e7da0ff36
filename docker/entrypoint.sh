#!/bin/sh
# Starts Payara Micro with the Diffyne WAR. Phone-home is always off; clustering is off unless
# PAYARA_CLUSTER_ARGS carries TCP/IP discovery flags (see docker-compose.yml). Extra arguments are passed through.
set -eu
# h2.bindAddress: the default datasource's URL (jdbc/__default, the demo chat's storage when DIFFYNE_DEMO_DB_URL is
# unset) has AUTO_SERVER=TRUE, whose H2 TCP server would listen on a random port of every interface from its first use
# shellcheck disable=SC2086 # JVM_ARGS and PAYARA_CLUSTER_ARGS are word lists on purpose
exec java -Dh2.bindAddress=127.0.0.1 ${JVM_ARGS:-} -jar /opt/payara/payara-micro.jar \
    --disablephonehome \
    ${PAYARA_CLUSTER_ARGS:---nocluster} \
    --port 8080 \
    --logproperties /opt/payara/config/logging.properties \
    --deploy /opt/payara/deployments/diffyne.war:/ \
    "$@"

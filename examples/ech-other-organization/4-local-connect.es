# Step 4 - run in Kibana Dev Tools of the LOCAL deployment "analytics" (organization 4100000001),
# once both deployments trust each other (steps 1 and 2).
#
# The certificate model goes through the Cloud proxy on port 9400 (9443 is for API keys). Copy the
# address and server name from the Security page of partner-data.

PUT /_cluster/settings
{
  "persistent": {
    "cluster.remote.partner-data.mode": "proxy",
    "cluster.remote.partner-data.proxy_address": "877bfc4e6534f83cd9b37a4f64ea5bd2.eu-west-1.aws.found.io:9400",
    "cluster.remote.partner-data.server_name": "877bfc4e6534f83cd9b37a4f64ea5bd2.eu-west-1.aws.found.io",
    "cluster.remote.partner-data.skip_unavailable": true
  }
}

# Expect "connected": true; no "cluster_credentials" entry, since no API key is involved.
GET /_remote/info

# The local half of the role pair: same name as on partner-data. It needs no privileges of its own
# for the search; Kibana users also need read on the local indices they search.
PUT /_security/role/partner-reader
{
  "description": "Local counterpart of the partner-reader role on partner-data",
  "indices": [
    {
      "names": ["shared-*"],
      "privileges": ["read", "view_index_metadata"]
    }
  ]
}

GET /shared-*,partner-data:shared-*/_search
{
  "size": 10,
  "sort": [{ "@timestamp": "desc" }]
}

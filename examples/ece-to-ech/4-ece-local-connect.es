# Step 4 - run in Kibana Dev Tools of the LOCAL ECE deployment, once both sides trust each other
# (steps 1 and 2).
#
# The Elastic Cloud endpoint is reached through its proxy: proxy mode, port 9400 for the certificate
# model, and the endpoint itself as server_name. The ECE allocators must be able to reach the Cloud
# proxy on that port.

PUT /_cluster/settings
{
  "persistent": {
    "cluster": {
      "remote": {
        "cloud-logs": {
          "mode": "proxy",
          "proxy_address": "24e2a5b83a7c5fabf80b201e315c8dc0.us-east-1.aws.found.io:9400",
          "server_name": "24e2a5b83a7c5fabf80b201e315c8dc0.us-east-1.aws.found.io",
          "skip_unavailable": true
        }
      }
    }
  }
}

GET /_remote/info

# Same role name as on cloud-logs; the privileges that matter are the remote's.
PUT /_security/role/cloud-logs-reader
{
  "description": "Local counterpart of the cloud-logs-reader role on the Elastic Cloud deployment"
}

GET /cloud-logs:logs-*/_search
{
  "size": 10,
  "query": { "match": { "log.level": "error" } }
}

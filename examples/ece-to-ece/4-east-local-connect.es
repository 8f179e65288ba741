# Step 4 - run in Kibana Dev Tools of the LOCAL deployment in the east environment, once the two
# platforms trust each other and both deployments trust each other (steps 1 and 2).
#
# The west deployment is reached through the west environment's proxy: proxy mode, the deployment
# endpoint as server_name, and port 9400 for the certificate model (9443 is for API keys). Copy the
# address from the remote deployment's Security page: it must match the proxy's certificate.
# skip_unavailable is false: a search over dc-west fails rather than quietly leaving west out.

PUT /_cluster/settings
{
  "persistent": {
    "cluster.remote.dc-west.mode": "proxy",
    "cluster.remote.dc-west.proxy_address": "95dbee44f4118f26381d18520b7b3c6e.ece-west.example.com:9400",
    "cluster.remote.dc-west.server_name": "95dbee44f4118f26381d18520b7b3c6e.ece-west.example.com",
    "cluster.remote.dc-west.skip_unavailable": false
  }
}

GET /_remote/info

# Same role name as on the west deployment, plus what replication needs locally.
PUT /_security/role/dc-west-access
{
  "description": "Local counterpart of dc-west-access on the west deployment",
  "cluster": ["manage_ccr"],
  "indices": [
    {
      "names": ["orders-ledger-replica"],
      "privileges": ["monitor", "read", "write", "manage_follow_index"]
    }
  ]
}

# Replicate the ledger from west into a local follower index.
PUT /orders-ledger-replica/_ccr/follow?wait_for_active_shards=1
{
  "remote_cluster": "dc-west",
  "leader_index": "orders-ledger"
}

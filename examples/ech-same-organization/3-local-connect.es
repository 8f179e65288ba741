# Step 3 - run in Kibana Dev Tools of the LOCAL deployment "search-hub", after step 2 put the key
# into its keystore under the alias "logs-prod" (deployments on 8.14 or later reload it by themselves).
#
# Elastic Cloud deployments are reached through the Cloud proxy: proxy mode, the remote's endpoint as
# server_name, and port 9443 (the remote cluster interface used by the API key model; 9400 would be
# the certificate model). The endpoint is on the remote deployment's Security page. The alias must be
# the one used in the keystore setting name.

PUT /_cluster/settings
{
  "persistent": {
    "cluster": {
      "remote": {
        "logs-prod": {
          "mode": "proxy",
          "proxy_address": "2fd49ef5515d89fdf7f1fee25258cc8b.us-east-1.aws.found.io:9443",
          "server_name": "2fd49ef5515d89fdf7f1fee25258cc8b.us-east-1.aws.found.io",
          "skip_unavailable": true
        }
      }
    }
  }
}

# Expect "connected": true and "cluster_credentials": "::es_redacted::" (the API key is in use).
GET /_remote/info

# Who may use the connection: the key limits what the remote allows, these roles limit which local
# users get which part of it. Index names are plain; "clusters" says where they live.
PUT /_security/role/logs-prod-search
{
  "description": "Search logs and metrics on logs-prod through cross-cluster search",
  "remote_indices": [
    {
      "clusters": ["logs-prod"],
      "names": ["logs-*", "metrics-*"],
      "privileges": ["read", "read_cross_cluster", "view_index_metadata"]
    }
  ]
}

PUT /_security/role/logs-prod-replication
{
  "description": "Follow audit-events of logs-prod with cross-cluster replication",
  "cluster": ["manage_ccr"],
  "indices": [
    {
      "names": ["audit-events-copy"],
      "privileges": ["monitor", "read", "write", "manage_follow_index"]
    }
  ],
  "remote_indices": [
    {
      "clusters": ["logs-prod"],
      "names": ["audit-events"],
      "privileges": ["cross_cluster_replication", "cross_cluster_replication_internal"]
    }
  ]
}

# A search that reaches both clusters: local indices and logs-prod's, by alias.
GET /logs-*,logs-prod:logs-*/_search
{
  "size": 0,
  "query": { "range": { "@timestamp": { "gte": "now-15m" } } }
}

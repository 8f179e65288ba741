# Step 4 - run in Kibana Dev Tools of the LOCAL ECE deployment "reporting", after the key is in its
# keystore under the alias "k8s-analytics" and the ECK CA is trusted (see examples/README.md).
#
# proxy_address is the DNS name of the LoadBalancer from step 1, on port 9443 (the remote cluster
# interface). The certificate behind it is ECK's own, issued for the internal Service name, so
# server_name is that name: <cluster>-es-remote-cluster.<namespace>.svc.

PUT /_cluster/settings
{
  "persistent": {
    "cluster": {
      "remote": {
        "k8s-analytics": {
          "mode": "proxy",
          "proxy_address": "analytics-rcs.k8s.example.com:9443",
          "server_name": "analytics-es-remote-cluster.search.svc",
          "skip_unavailable": true
        }
      }
    }
  }
}

# Expect "connected": true and "cluster_credentials": "::es_redacted::".
GET /_remote/info

PUT /_security/role/k8s-analytics-search
{
  "description": "Search the clickstream indices of the ECK cluster analytics",
  "remote_indices": [
    {
      "clusters": ["k8s-analytics"],
      "names": ["clickstream-*"],
      "privileges": ["read", "read_cross_cluster", "view_index_metadata"]
    }
  ]
}

GET /k8s-analytics:clickstream-*/_search
{
  "size": 0,
  "aggs": { "pages": { "terms": { "field": "url.path", "size": 10 } } }
}

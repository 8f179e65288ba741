# Scenario: Elastic Cloud Hosted deployments in two different organizations, TLS certificate model.
# Step 3 - run in Kibana Dev Tools of the REMOTE deployment "partner-data" (organization 4200000002).
#
# With the certificate model the remote cluster decides what a remote user may read: it looks up
# the user's role names in its own roles. So a role with the same name must exist on both sides;
# this one grants the actual access, including read_cross_cluster.

PUT /_security/role/partner-reader
{
  "description": "Cross-cluster search from the analytics deployment of organization 4100000001",
  "indices": [
    {
      "names": ["shared-*"],
      "privileges": ["read", "read_cross_cluster", "view_index_metadata"]
    }
  ]
}

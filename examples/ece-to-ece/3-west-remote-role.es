# Scenario: deployments in two separate Elastic Cloud Enterprise environments (east = local,
# west = remote), TLS certificate model.
# Step 3 - run in Kibana Dev Tools of the REMOTE deployment in the west environment.
#
# The west deployment decides what the east users may read, by role name; step 4 creates the same
# role name on the east deployment. Searching needs read_cross_cluster on the indices; following
# the leader index needs the read_ccr cluster privilege and monitor + read on that index.

PUT /_security/role/dc-west-access
{
  "description": "Cross-cluster search and replication from the east ECE environment",
  "cluster": ["read_ccr"],
  "indices": [
    {
      "names": ["orders-*"],
      "privileges": ["read", "read_cross_cluster", "view_index_metadata"]
    },
    {
      "names": ["orders-ledger"],
      "privileges": ["monitor", "read"]
    }
  ]
}

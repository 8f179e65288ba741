# Scenario: a deployment on Elastic Cloud Enterprise (local) searches an Elastic Cloud Hosted
# deployment (remote), TLS certificate model.
# Step 3 - run in Kibana Dev Tools of the REMOTE Elastic Cloud Hosted deployment "cloud-logs".
#
# The remote decides what the ECE users may read, by role name: the same role name must exist on the
# ECE deployment (step 4).

PUT /_security/role/cloud-logs-reader
{
  "description": "Cross-cluster search from the on-premises ECE deployment",
  "indices": [
    {
      "names": ["logs-*"],
      "privileges": ["read", "read_cross_cluster", "view_index_metadata"]
    }
  ]
}

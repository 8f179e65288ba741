# Scenario: two Elastic Cloud Hosted deployments in the same organization, API key security model.
# Step 1 - run in Kibana Dev Tools of the REMOTE deployment "logs-prod".
#
# The key decides what the local deployment may reach on logs-prod. Index names are logs-prod's own
# names, without an alias prefix. Copy the "encoded" value of the response: it is shown only once
# and goes into the local deployment's keystore in step 2.

POST /_security/cross_cluster/api_key
{
  "name": "search-hub-to-logs-prod",
  "expiration": "180d",
  "access": {
    "search": [
      { "names": ["logs-*", "metrics-*"] }
    ],
    "replication": [
      { "names": ["audit-events"] }
    ]
  },
  "metadata": {
    "local_deployment": "search-hub",
    "ticket": "OPS-1234"
  }
}

# Later, to change what the key grants without handing out a new one, update it by its id
# (the "id" field of the response above), for example:
# PUT /_security/cross_cluster/api_key/<id>

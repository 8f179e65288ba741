# Step 2 - run against the ECK cluster "analytics" (its Kibana Dev Tools, or the API through
# kubectl port-forward service/analytics-es-http 9200).
#
# Grants the ECE deployment search access to the clickstream indices. Copy the "encoded" value of
# the response: it goes into the ECE deployment's keystore in step 3.

POST /_security/cross_cluster/api_key
{
  "name": "ece-reporting-to-analytics",
  "expiration": "365d",
  "access": {
    "search": [
      {
        "names": ["clickstream-*"],
        "field_security": { "grant": ["*"], "except": ["client.ip", "user.email"] }
      }
    ]
  },
  "metadata": { "local_deployment": "ece reporting" }
}

# Console request file: the second key belongs to sniff mode, so Elasticsearch would refuse it.
PUT _cluster/settings
{
  "persistent": {
    "cluster.remote.west.mode": "proxy",
    "cluster.remote.west.seeds": ["west.example.com:9300"]
  }
}

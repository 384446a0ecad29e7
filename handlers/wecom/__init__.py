"""The WeCom (企业微信) adapter: the server API client (client.py), the callback route (callback.py)
turning WeCom's encrypted callbacks into neutral events, and WeCom's ids and limits. See docs/wecom.md."""

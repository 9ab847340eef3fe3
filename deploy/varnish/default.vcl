# Varnish in front of the app servers (docs/deployment.md, "The edge").
# Needs Varnish 7 and the xkey vmod (Debian: apt-get install varnish varnish-modules).
# The app says what may be kept (Cache-Control: public, s-maxage=...) and names what each
# page shows (the xkey header); after a change it sends
#   PURGE / with "xkey-purge: key key ..." (and "xkey-softpurge: key ..." for the related
#   sections of other articles under a keyword, which may be served once more while renewed)
# from an address in the purgers ACL, and Varnish drops every page carrying one of the keys.
vcl 4.1;

import std;
import xkey;

# The app servers (gunicorn). The tests replace host and port (tests/production/test_varnish.py).
backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
}

# The same app servers, for renewing pages readers are still being served (soft-purged related
# sections and search results, expired pages in grace): one such fetch at a time, so a burst of
# them after a publish (hundreds of related sections) never queues the changed page, its lists
# or a first render behind it: those go to `default` and find a worker free. A renewal that
# finds the connection busy is dropped, and the next reader of that page starts it again.
# With more app workers, allow about a third of them (docs/deployment.md, "The edge").
backend renewal {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .max_connections = 1;
}

# Who may purge: the app servers.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.http.xkey-purge || req.http.xkey-softpurge) {
            set req.http.n-gone = xkey.purge(req.http.xkey-purge);
            # Soft: kept in grace, so readers get the page at once while Varnish fetches the
            # new one (an article's related section, renewed by every publish under a keyword).
            set req.http.n-stale = xkey.softpurge(req.http.xkey-softpurge);
            return (synth(200, "Purged " + req.http.n-gone + ", renewing " + req.http.n-stale));
        }
        return (purge);
    }
    # Forms, sign-in, the admin: always the app.
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|django-admin|documents)/" || req.http.Authorization) {
        return (pass);
    }
    # Signed-in staff (sessionid) and readers with a message waiting: never from the cache.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    # Other cookies (the CSRF cookie, analytics) change nothing on a public page: the app
    # marks a page holding a reader's own values "private", and Varnish does not keep it.
    return (hash);
}

sub vcl_backend_response {
    # The app's Cache-Control decides; a response setting a cookie is never kept.
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control ~ "private|no-store|no-cache") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Serve a stale page while the new one renders: busy moments, and the related sections a
    # publish renews, which wait their turn for the renewal's connection.
    set beresp.grace = 2m;
}

sub vcl_backend_fetch {
    if (bereq.is_bgfetch) {
        set bereq.backend = renewal;
    }
}

sub vcl_backend_error {
    # A renewal that could not be made keeps the stale page in grace.
    if (bereq.is_bgfetch) {
        return (abandon);
    }
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Edge = "HIT";
    } else {
        set resp.http.X-Edge = "MISS";
    }
    # Readers need no surrogate keys (set EDGE_DEBUG in VCL to keep them for testing).
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    unset resp.http.Cache-Tag;
}

package io.diffyne.bench.load;

/** Where the server under test listens: loopback only. */
record Target(String host, int port, String wsKey) {

    /**
     * {@code DIFFYNE_WS_PATH} as scripts/bench.sh sets it. Not the default {@code /diffyne}: on Payara a request for
     * {@code /diffyne} is redirected (301) to the static folder {@code /diffyne/} (where diffyne.js lives) before any
     * filter or the WebSocket upgrade sees it.
     */
    static final String WS_PATH = System.getProperty("bench.wsPath", "/diffyne-ws");

    Target {
        BenchFailure.check(host.equals("127.0.0.1") || host.equals("localhost"), "benchmarks run on loopback only");
    }

    Target via(int proxyPort) {
        return new Target(host, proxyPort, wsKey);
    }

    String base() {
        return "http://" + host + ":" + port;
    }

    /** The Diffyne endpoint with the raw key, as a non-browser client authenticates (no Origin header). */
    String diffyneSocket() {
        return "ws://" + host + ":" + port + WS_PATH + "?key=" + wsKey;
    }

    String echoSocket() {
        return "ws://" + host + ":" + port + "/bench/echo";
    }

    String echoHttp() {
        return base() + "/bench/echo";
    }
}

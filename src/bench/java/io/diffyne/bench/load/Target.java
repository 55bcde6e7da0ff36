package io.diffyne.bench.load;

/** Where the server under test listens: loopback only. */
record Target(String host, int port, String wsKey) {

    /** {@code DIFFYNE_WS_PATH} of the server under test (the default unless {@code -Dbench.wsPath=…}). */
    static final String WS_PATH = System.getProperty("bench.wsPath", "/diffyne");

    Target {
        BenchFailure.check(host.equals("127.0.0.1") || host.equals("localhost"), "benchmarks run on loopback only");
    }

    Target via(int proxyPort) {
        return new Target(host, proxyPort, wsKey);
    }

    String base() {
        return "http://" + host + ":" + port;
    }

    /**
     * The Diffyne endpoint with the raw key, as a non-browser client authenticates (no Origin header), speaking
     * protocol v3 as the browser client does ({@code v=3}).
     */
    String diffyneSocket() {
        return "ws://" + host + ":" + port + WS_PATH + "?key=" + wsKey + "&v=3";
    }

    String echoSocket() {
        return "ws://" + host + ":" + port + "/bench/echo";
    }

    String echoHttp() {
        return base() + "/bench/echo";
    }

    /** The same echo as a Jakarta REST resource ({@code EchoResource}): what Jersey alone costs an AJAX request. */
    String echoRest() {
        return base() + "/bench/rs/echo";
    }
}

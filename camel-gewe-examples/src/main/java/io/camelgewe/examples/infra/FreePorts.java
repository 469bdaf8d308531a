package io.camelgewe.examples.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free ports of the loopback interface, for the embedded brokers and the callbacks' HTTP server. */
public final class FreePorts {

    private FreePorts() {
    }

    /** A port of 127.0.0.1 that was free a moment ago. */
    public static int next() {
        return distinct(1)[0];
    }

    /**
     * Ports of 127.0.0.1 that were free a moment ago, all different: each is held open until all are chosen, as the
     * system may hand a port it just got back to the next ask (a Kafka node given the same port for its broker and
     * its controller refuses to start).
     */
    public static int[] distinct(int count) {
        ServerSocket[] held = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                held[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held[i].setReuseAddress(true);
                ports[i] = held[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on the loopback interface", e);
        } finally {
            for (ServerSocket s : held) {
                if (s != null) {
                    try {
                        s.close();
                    } catch (IOException ignored) {
                        // a probe socket: nothing was bound to it but this check
                    }
                }
            }
        }
    }
}

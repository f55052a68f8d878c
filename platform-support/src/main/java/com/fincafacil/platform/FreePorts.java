package com.fincafacil.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Port helpers: tests take random free ports so they never collide with a running platform. */
public final class FreePorts {

    private FreePorts() {
    }

    /** Every port handed out in this JVM: the system may offer a closed one again at once. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /**
     * A port nothing listens on now, never one this JVM handed out before: a platform's ports are
     * picked together and bound later, so a repeat (seen once: the entry and a slot on one port)
     * would make its second process fail to start.
     */
    public static int next() {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                socket.setReuseAddress(true);
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

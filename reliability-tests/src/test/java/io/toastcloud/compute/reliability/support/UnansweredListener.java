package io.toastcloud.compute.reliability.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A port where connecting never completes: a listening socket that never accepts, its accept
 * queue filled by this class's own connections, so that the kernel drops the next SYN and a
 * client's connect waits until its connect timeout. (A closed port answers at once: that is
 * "connection refused", a different fault.)
 */
public final class UnansweredListener implements AutoCloseable {
    private final ServerSocket listener;
    private final List<Socket> fillers = new ArrayList<>();

    public UnansweredListener() throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort());
        for (int i = 0; i < 16; i++) {
            Socket filler = new Socket();
            try {
                filler.connect(address, 200);
                fillers.add(filler);
            } catch (SocketTimeoutException queueFull) {
                filler.close();
                return;
            }
        }
        close();
        throw new IllegalStateException("the accept queue never filled up: cannot make connecting hang on this machine");
    }

    public String endpoint() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        for (Socket s : fillers) {
            s.close();
        }
        listener.close();
    }
}

package io.camelgewe.gewe.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLHandshakeException;

import io.camelgewe.gewe.errors.GeweConnectionException;
import io.camelgewe.gewe.errors.GeweDelivery;
import io.camelgewe.gewe.errors.GeweException;
import io.camelgewe.gewe.errors.GeweResponseException;
import io.camelgewe.gewe.errors.GeweTimeoutException;
import io.camelgewe.gewe.spi.GeweTimeouts;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.RequestNotExecutedException;
import org.apache.hc.core5.util.DeadlineTimeoutException;

/**
 * Translates what went wrong on the wire into the component's exceptions, saying whether the request may have been
 * acted on. That is decided by what the transport knows, not by the kind of failure: a request whose body was never
 * written cannot have reached GeWe, whatever failed (a refused connection, a dead I/O reactor, a deadline while it
 * waited for a connection); a fetch only reads a file, so nothing it does is acted on.
 */
final class TransportFailures {

    private TransportFailures() {
    }

    /**
     * The component's exception for a failed call or fetch.
     *
     * @param operation the operation's qualified name
     * @param failure   what the HTTP client, the response consumer or the deadline reported
     * @param fetch     true for the fetch of a downloaded file
     * @param written   whether the request's body had started to be written (a call may have reached GeWe)
     * @param timeouts  the limits in force, for the messages
     */
    static GeweException translate(String operation, Throwable failure, boolean fetch, boolean written,
                                   GeweTimeouts timeouts) {
        if (failure instanceof GeweException) {
            return (GeweException) failure;
        }
        boolean mayHaveActed = written && !fetch && !(failure instanceof RequestNotExecutedException);
        GeweDelivery delivery = mayHaveActed ? GeweDelivery.UNKNOWN : GeweDelivery.NOT_SENT;
        String peer = fetch ? "the file host" : "GeWe";
        if (failure instanceof ResponseTooLarge) {
            return new GeweResponseException(operation, delivery, failure.getMessage()
                    + (mayHaveActed ? "; the request may have been acted on" : ""), null);
        }
        if (failure instanceof ReactorStopped) {
            return new GeweConnectionException(operation, delivery, failure.getMessage() + (mayHaveActed
                    ? "; the request had been sent and may have been acted on" : "; nothing was sent"), failure);
        }
        if (failure instanceof DeadlineExceeded) {
            return deadline(operation, (DeadlineExceeded) failure, fetch, mayHaveActed);
        }
        if (failure instanceof ConnectTimeoutException) {
            return fetch ? new GeweTimeoutException(operation, delivery, "could not connect to the file host within "
                    + timeouts.connectMillis() + " ms", timeouts.connectMillis(), failure)
                    : new GeweTimeoutException(operation, true, timeouts.connectMillis(), failure);
        }
        if (failure instanceof SocketTimeoutException) {
            return mayHaveActed ? new GeweTimeoutException(operation, false, timeouts.responseMillis(), failure)
                    : new GeweTimeoutException(operation, delivery, peer + " sent nothing for "
                            + timeouts.responseMillis() + " ms" + (fetch ? "" : " (nothing was sent)"),
                            timeouts.responseMillis(), failure);
        }
        if (failure instanceof DeadlineTimeoutException || failure instanceof TimeoutException) {
            return new GeweConnectionException(operation, GeweDelivery.NOT_SENT, "no pooled connection to " + peer
                    + " became free in time (raise maxConnections or slow the route down)", failure);
        }
        if (failure instanceof HttpException && fetch) {
            // the file host's refusal, as FileResponseConsumer words it
            return new GeweResponseException(operation, GeweDelivery.NOT_SENT, failure.getMessage(), failure);
        }
        if (failure instanceof CancellationException) {
            return new GeweConnectionException(operation, delivery, "the request was cancelled (the HTTP client is "
                    + "shutting down)" + (mayHaveActed ? "; it was sent and may have been acted on" : ", nothing was sent"),
                    failure);
        }
        if (failure instanceof ConnectException || failure instanceof UnknownHostException
                || failure instanceof NoRouteToHostException || failure instanceof SSLHandshakeException
                || failure instanceof RequestNotExecutedException) {
            return new GeweConnectionException(operation, GeweDelivery.NOT_SENT, "could not reach " + peer
                    + (fetch ? ": " : ", nothing was sent: ") + describe(failure), failure);
        }
        if (fetch) {
            return new GeweConnectionException(operation, delivery, "the file's download failed: " + describe(failure),
                    failure);
        }
        return new GeweConnectionException(operation, delivery, mayHaveActed
                ? "the connection failed before GeWe answered, the request may have been acted on: " + describe(failure)
                : "the request was never written, nothing was sent: " + describe(failure), failure);
    }

    private static GeweTimeoutException deadline(String operation, DeadlineExceeded d, boolean fetch,
                                                 boolean mayHaveActed) {
        if (fetch) {
            return new GeweTimeoutException(operation, GeweDelivery.NOT_SENT, "the file had not fully arrived within "
                    + "fetchTimeout (" + d.millis + " ms); the fetch was cancelled and nothing was kept", d.millis, null);
        }
        if (mayHaveActed) {
            return new GeweTimeoutException(operation, GeweDelivery.UNKNOWN, "GeWe's answer had not fully arrived "
                    + "within requestTimeout (" + d.millis + " ms); the request was cancelled, but it had been sent and "
                    + "may have been acted on", d.millis, null);
        }
        return new GeweTimeoutException(operation, GeweDelivery.NOT_SENT, "the request could not be sent within "
                + "requestTimeout (" + d.millis + " ms): no connection to GeWe was made or became free; it was "
                + "cancelled, nothing was sent", d.millis, null);
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : " (" + m + ")");
    }

    /** GeWe's answer grew past the component's maxResponseSize: refused as it arrived, before it filled the heap. */
    static final class ResponseTooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        ResponseTooLarge(long limit, String how) {
            super("GeWe's answer" + how + " is larger than maxResponseSize (" + limit + " bytes) and was refused as it "
                  + "arrived");
        }
    }

    /** A call or fetch still running at its deadline. */
    static final class DeadlineExceeded extends IOException {
        private static final long serialVersionUID = 1L;

        private final long millis;

        DeadlineExceeded(long millis) {
            super("deadline of " + millis + " ms");
            this.millis = millis;
        }
    }

    /** The HTTP client's I/O reactor stopped under a call: its threads died, or it was closed under it. */
    static final class ReactorStopped extends IOException {
        private static final long serialVersionUID = 1L;

        ReactorStopped(String why, Throwable cause) {
            super("the HTTP client's I/O reactor stopped under the call (" + why + ")", cause);
        }
    }
}

package io.camelgewe.gewe;

import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;

import io.camelgewe.gewe.client.GeweHttpClient;
import io.camelgewe.gewe.client.GeweReplyReader;
import io.camelgewe.gewe.client.GeweRequestBuilder;
import io.camelgewe.gewe.model.SendResult;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;

/**
 * Calls one GeWe operation per exchange, asynchronously: the request is built and validated on the caller's thread,
 * sent without blocking, and the exchange is resumed on the HTTP client's I/O thread when GeWe answers. The callback
 * is completed exactly once on every path.
 */
public class GeweProducer extends DefaultAsyncProducer {

    /** The header GeWe reads its token from. */
    static final String TOKEN_HEADER = "X-GEWE-TOKEN";

    private final GeweEndpoint endpoint;
    private GeweRequestBuilder requestBuilder;
    private GeweReplyReader replyReader;
    private GeweHttpClient client;
    private URI uri;
    private Header tokenHeader;
    private RequestConfig requestConfig;
    private String operationName;

    /** @param endpoint the endpoint whose operation this producer calls */
    public GeweProducer(GeweEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        GeweConfiguration cfg = endpoint.getConfiguration();
        if (cfg.getToken() == null || cfg.getToken().isBlank()) {
            throw new IllegalArgumentException("gewe:" + cfg.getOperation() + " needs a GeWe token: set it on the "
                                               + "component (camel.component.gewe.token) or as the endpoint's token option");
        }
        this.operationName = endpoint.getOperation().qualifiedName();
        this.requestBuilder = endpoint.newRequestBuilder();
        this.replyReader = endpoint.newReplyReader();
        this.uri = endpoint.operationUri();
        this.tokenHeader = new SecretHeader(TOKEN_HEADER, cfg.getToken());
        this.requestConfig = RequestConfig.custom()
                .setConnectTimeout(Timeout.ofMilliseconds(cfg.getConnectTimeout()))
                .setResponseTimeout(Timeout.ofMilliseconds(cfg.getResponseTimeout()))
                .build();
        this.client = endpoint.getComponent().httpClient();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        byte[] json;
        try {
            json = requestBuilder.build(exchange);
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        Reply reply = new Reply(exchange, callback);
        try {
            client.post(uri, json, tokenHeader, requestConfig, reply);
        } catch (Exception e) {
            // the client refused the request before sending it (stopping, or shut down)
            reply.fail(new GeweConnectionException(operationName, GeweDelivery.NOT_SENT,
                    "the HTTP client did not accept the request: " + e.getMessage(), e));
        }
        return false;
    }

    /** Puts a result on the exchange: the body, and the message ids as headers. */
    private static void apply(Exchange exchange, Object result) {
        Message message = exchange.getMessage();
        message.setBody(result);
        if (result instanceof SendResult) {
            SendResult sent = (SendResult) result;
            setOrRemove(message, GeweConstants.MSG_ID, sent.getMsgId());
            setOrRemove(message, GeweConstants.NEW_MSG_ID, sent.getNewMsgId());
            // a stale createTime from an earlier step would make a later revokeMsg target the wrong message
            setOrRemove(message, GeweConstants.CREATE_TIME, sent.getCreateTime());
        }
    }

    private static void setOrRemove(Message message, String header, Object value) {
        if (value == null) {
            message.removeHeader(header);
        } else {
            message.setHeader(header, value);
        }
    }

    /** Completes one exchange from the HTTP client's callback, exactly once. */
    private final class Reply implements FutureCallback<SimpleHttpResponse> {

        private final Exchange exchange;
        private final AsyncCallback callback;
        private final AtomicBoolean done = new AtomicBoolean();

        Reply(Exchange exchange, AsyncCallback callback) {
            this.exchange = exchange;
            this.callback = callback;
        }

        @Override
        public void completed(SimpleHttpResponse response) {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            try {
                apply(exchange, replyReader.read(response.getCode(), response.getReasonPhrase(), response.getBodyBytes()));
            } catch (Throwable t) {
                exchange.setException(t);
            } finally {
                callback.done(false);
            }
        }

        @Override
        public void failed(Exception ex) {
            GeweConfiguration cfg = endpoint.getConfiguration();
            fail(GeweHttpClient.failure(operationName, ex, cfg.getConnectTimeout(), cfg.getResponseTimeout()));
        }

        @Override
        public void cancelled() {
            fail(new GeweConnectionException(operationName, GeweDelivery.UNKNOWN,
                    "the request was cancelled (the HTTP client is shutting down)", null));
        }

        void fail(Exception e) {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            try {
                exchange.setException(e);
            } finally {
                callback.done(false);
            }
        }
    }

    /** The token header, which never shows its value in logs (HttpClient's header log prints toString()). */
    private static final class SecretHeader extends BasicHeader {
        private static final long serialVersionUID = 1L;

        SecretHeader(String name, String value) {
            super(name, value);
        }

        @Override
        public String toString() {
            return getName() + ": ******";
        }
    }
}

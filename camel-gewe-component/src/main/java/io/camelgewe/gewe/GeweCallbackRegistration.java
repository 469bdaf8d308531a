package io.camelgewe.gewe;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.apache.camel.AsyncProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExtendedStartupListener;
import org.apache.camel.Producer;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers gewe:callback's public URL with GeWe ({@code login/setCallback} with the token and the URL) once the
 * CamelContext has fully started, through the component's own producer, so with the endpoint's token and baseUrl.
 * <p>
 * GeWe pings the URL as soon as it is set, so registering earlier could make GeWe reach a server that is not
 * listening yet. A registration that fails is logged and the consumer keeps running: a URL registered before (or in
 * GeWe's console) still brings callbacks.
 */
final class GeweCallbackRegistration implements ExtendedStartupListener {

    private static final Logger LOG = LoggerFactory.getLogger(GeweCallbackRegistration.class);

    private final GeweEndpoint callbackEndpoint;
    private final BooleanSupplier consumerRunning;
    private final AtomicBoolean started = new AtomicBoolean();

    GeweCallbackRegistration(GeweEndpoint callbackEndpoint, BooleanSupplier consumerRunning) {
        this.callbackEndpoint = callbackEndpoint;
        this.consumerRunning = consumerRunning;
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        if (alreadyStarted) {
            // the route was started after the context: there is no "fully started" to wait for
            register();
        }
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
        register();
    }

    /** Sends login/setCallback asynchronously; the outcome is logged. */
    void register() {
        if (!consumerRunning.getAsBoolean() || !started.compareAndSet(false, true)) {
            return;
        }
        GeweConfiguration cfg = callbackEndpoint.getConfiguration();
        String url = withSecret(cfg.getRegisterUrl().strip(), cfg.getSecret());
        String shown = masked(url);
        Producer producer = null;
        try {
            GeweConfiguration setCallback = cfg.copy();
            setCallback.setOperation("login/setCallback");
            GeweEndpoint endpoint = new GeweEndpoint(callbackEndpoint.getComponent().getDefaultName()
                                                     + ":login/setCallback", callbackEndpoint.getComponent(), setCallback);
            // its token field comes from the endpoint's token option, like any option named as a field
            endpoint.resolveOperation(Set.of(), new LinkedHashMap<>());
            producer = endpoint.createProducer();
            ServiceHelper.startService(endpoint, producer);
            Exchange exchange = endpoint.createExchange();
            exchange.getMessage().setBody(Map.of("callbackUrl", url));
            AsyncProcessor sender = AsyncProcessorConverterHelper.convert(producer);
            Producer started = producer;
            sender.process(exchange, doneSync -> {
                if (exchange.getException() != null) {
                    LOG.warn("GeWe did not register the callback URL {}: {}", shown, exchange.getException().getMessage());
                } else {
                    LOG.info("Registered the callback URL {} with GeWe", shown);
                }
                ServiceHelper.stopAndShutdownService(started);
            });
        } catch (Exception e) {
            LOG.warn("Could not register the callback URL {} with GeWe: {}", shown, e.getMessage());
            ServiceHelper.stopAndShutdownService(producer);
        }
    }

    /** The URL with the secret as its query parameter, unless it carries one already. */
    static String withSecret(String url, String secret) {
        if (secret == null || secret.isEmpty() || url.matches(".*[?&]" + GeweCallbackHandler.SECRET_PARAMETER + "=.*")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + GeweCallbackHandler.SECRET_PARAMETER + "="
               + URLEncoder.encode(secret, StandardCharsets.UTF_8);
    }

    /** The URL as it may be logged: the secret's value hidden. */
    static String masked(String url) {
        return url.replaceAll("([?&]" + GeweCallbackHandler.SECRET_PARAMETER + "=)[^&#]*", "$1******");
    }
}

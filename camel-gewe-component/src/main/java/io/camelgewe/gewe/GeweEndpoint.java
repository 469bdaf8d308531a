package io.camelgewe.gewe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.camelgewe.gewe.callback.GeweCallback;
import io.camelgewe.gewe.callback.GeweCallbackConsumer;
import io.camelgewe.gewe.catalog.GeweCatalog;
import io.camelgewe.gewe.catalog.GeweField;
import io.camelgewe.gewe.catalog.GeweOperation;
import io.camelgewe.gewe.client.GeweRequestBuilder;
import io.camelgewe.gewe.client.HttpGeweClient;
import io.camelgewe.gewe.spi.FetchOrigins;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Drive a personal WeChat account through the GeWe API: send messages, call any GeWe operation, receive GeWe's
 * callbacks.
 * <p>
 * A {@code gewe:operation} endpoint calls one GeWe operation for each exchange sent to it.
 * The operation is resolved against {@link GeweCatalog} when the endpoint is created, so a misspelt name or an option
 * the operation does not take fails the route at start-up, not at the first message. {@code from("gewe:callback")}
 * receives the messages and events GeWe pushes, see {@link GeweCallbackConsumer}.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "gewe", title = "GeWe", syntax = "gewe:operation",
             category = { Category.CHAT, Category.API }, headersClass = GeweConstants.class, lenientProperties = true)
public class GeweEndpoint extends DefaultEndpoint implements EndpointServiceLocation {

    /** Options that configure the connection even where the operation has a field of that name. */
    private static final Set<String> CONNECTION_OPTIONS = Set.of("token", "appId");

    /** The operation name that selects the consumer of GeWe's callbacks. */
    static final String CALLBACK = "callback";

    @UriParam
    private GeweConfiguration configuration;

    private GeweOperation operation;
    private Map<String, Object> fieldOptions = Map.of();

    /**
     * @param uri           the endpoint URI
     * @param component     the component
     * @param configuration the endpoint's options, already holding the component's defaults
     */
    public GeweEndpoint(String uri, GeweComponent component, GeweConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    /**
     * Resolves the operation and checks the options given in the URI against its fields.
     *
     * @param given        the names of the options given in the URI
     * @param fieldOptions the options no typed option took: GeWe field names of the operation
     */
    void resolveOperation(Set<String> given, Map<String, Object> fieldOptions) {
        if (isCallback()) {
            checkCallbackOptions(given, fieldOptions);
            return;
        }
        this.operation = GeweCatalog.get().find(configuration.getOperation());
        List<String> problems = new ArrayList<>();
        for (String name : fieldOptions.keySet()) {
            if (operation.field(name) == null) {
                problems.add("unknown option '" + name + "'");
            }
        }
        PropertyConfigurerGetter options = optionsGetter();
        for (String name : given) {
            // a typed option that is a field of some other operation (imgUrl on postText) is a mistake too
            if (!fieldOptions.containsKey(name) && !CONNECTION_OPTIONS.contains(name)
                    && GeweCatalog.get().isFieldName(name) && operation.field(name) == null) {
                problems.add("option '" + name + "' is not a field of " + operation.action());
            }
        }
        if (configuration.isFetch() && !operation.isDownload()) {
            problems.add("fetch is for download operations only");
        }
        if (configuration.isTypeFallback() && !"message/downloadImage".equals(operation.qualifiedName())) {
            problems.add("typeFallback is for downloadImage only");
        }
        if (configuration.isCdnReuse() && operation.cdnForward() == null) {
            problems.add("cdnReuse is for postImage and postVideo only");
        }
        try {
            HttpGeweClient.checkFetchOrigins(FetchOrigins.of(configuration.getDownloadBaseUrl(),
                    configuration.getDownloadHosts()));
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        if (configuration.getRequestTimeout() < 0) {
            problems.add("requestTimeout must be 0 (connectTimeout + responseTimeout) or a number of milliseconds, not "
                         + configuration.getRequestTimeout());
        }
        if (configuration.getFetchTimeout() < 0) {
            problems.add("fetchTimeout must be a number of milliseconds (0 for 30 minutes), not "
                         + configuration.getFetchTimeout());
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("gewe:" + configuration.getOperation() + ": " + String.join("; ", problems)
                                               + ". The fields of " + operation.qualifiedName() + " are: "
                                               + operation.fields().stream().map(GeweField::name)
                                                       .collect(Collectors.joining(", ")));
        }
        Map<String, Object> values = new LinkedHashMap<>(fieldOptions);
        for (GeweField f : operation.fields()) {
            if (!values.containsKey(f.name()) && options != null && options.getOptionType(f.name(), false) != null) {
                Object v = options.getOptionValue(this, f.name(), false);
                if (v != null) {
                    values.put(f.name(), v);
                }
            }
        }
        this.fieldOptions = values;
    }

    /** gewe:callback takes no GeWe request field: one given is a mistake (a producer option on a consumer). */
    private void checkCallbackOptions(Set<String> given, Map<String, Object> fieldOptions) {
        List<String> refused = new ArrayList<>(fieldOptions.keySet());
        for (String name : given) {
            if (!fieldOptions.containsKey(name) && !CONNECTION_OPTIONS.contains(name)
                    && GeweCatalog.get().isFieldName(name)) {
                refused.add(name);
            }
        }
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException("gewe:callback receives GeWe's callbacks and does not take the option"
                                               + (refused.size() > 1 ? "s " : " ") + String.join(", ", refused));
        }
    }

    /** Whether this endpoint is gewe:callback, the consumer of GeWe's callbacks. */
    public boolean isCallback() {
        return CALLBACK.equals(configuration.getOperation());
    }

    private PropertyConfigurerGetter optionsGetter() {
        return getComponent().getEndpointPropertyConfigurer() instanceof PropertyConfigurerGetter g ? g : null;
    }

    @Override
    public GeweComponent getComponent() {
        return (GeweComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() throws Exception {
        if (isCallback()) {
            throw new UnsupportedOperationException("gewe:callback receives GeWe's callbacks and can only be consumed "
                                                    + "from (from(\"gewe:callback\")); to call GeWe, send to a GeWe "
                                                    + "operation such as gewe:postText");
        }
        return new GeweProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (!isCallback()) {
            throw new UnsupportedOperationException("gewe:" + configuration.getOperation() + " is a GeWe operation "
                                                    + "and can only be sent to; GeWe's callbacks are received with "
                                                    + "from(\"gewe:callback\")");
        }
        GeweCallbackConsumer consumer = new GeweCallbackConsumer(this, processor, configuration, GeweEndpoint::bind,
                () -> getComponent().client(configuration));
        consumer.setAccounts(getComponent().getAccounts());
        configureConsumer(consumer);
        return consumer;
    }

    /** Puts a received callback on a message: the callback as the body, its ids and senders as headers. */
    private static void bind(Message message, GeweCallback callback) {
        message.setBody(callback);
        setHeader(message, GeweConstants.APP_ID, callback.getAppId());
        setHeader(message, GeweConstants.TYPE_NAME, callback.getTypeName());
        setHeader(message, GeweConstants.MSG_TYPE, callback.getMsgType());
        setHeader(message, GeweConstants.FROM_WXID, callback.getFromWxid());
        setHeader(message, GeweConstants.SENDER_WXID, callback.getSenderWxid());
        setHeader(message, GeweConstants.CHATROOM_ID, callback.getChatroomId());
        setHeader(message, GeweConstants.NEW_MSG_ID, callback.getNewMsgId());
        setHeader(message, GeweConstants.MSG_ID, callback.getMsgId());
        if (callback.getCreateTime() != null) {
            message.setHeader(Exchange.MESSAGE_TIMESTAMP, callback.getCreateTime() * 1000);
        }
    }

    private static void setHeader(Message message, String name, Object value) {
        if (value != null) {
            message.setHeader(name, value);
        }
    }

    /** Builds what the producer needs, checking the options once: the request builder. */
    GeweRequestBuilder newRequestBuilder() {
        return new GeweRequestBuilder(operation, fieldOptions);
    }

    /** The forward that resends this media operation's CDN copy: forwardImage for postImage, forwardVideo for postVideo. */
    GeweOperation cdnForwardOperation() {
        return GeweCatalog.get().find(operation.cdnForward());
    }

    /** The folder fetched downloads are spooled to. */
    java.nio.file.Path fetchDirectory() {
        String dir = configuration.getFetchDirectory();
        return dir == null || dir.isBlank()
                ? java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "camel-gewe")
                : java.nio.file.Path.of(dir);
    }

    /** The resolved operation. */
    public GeweOperation getOperation() {
        return operation;
    }

    /** The endpoint's options. */
    public GeweConfiguration getConfiguration() {
        return configuration;
    }

    /** Replaces the endpoint's options. */
    public void setConfiguration(GeweConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public String getServiceUrl() {
        // the consumer's service is the local path GeWe posts to; the producer's is GeWe
        return isCallback() ? configuration.getPath() : configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "http";
    }
}

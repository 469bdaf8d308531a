package io.camelgewe.gewe.callback;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;

/**
 * What gewe:callback is configured with: the endpoint's options, as {@code GeweConfiguration} holds and documents
 * them. An interface so that the inbound side depends on nothing of the Camel glue that configures it.
 */
public interface GeweCallbackOptions {

    /** The HTTP path callbacks are received on unless {@code path} says otherwise. */
    String DEFAULT_PATH = "/gewe/callback";

    /** The HTTP path callbacks are received on. */
    String getPath();

    /** When GeWe's POST is answered. */
    GeweAnswerAfter getAnswerAfter();

    /** The longest a push waits for its answer with {@link GeweAnswerAfter#COMPLETION}, in milliseconds. */
    long getAnswerTimeout();

    /** The MsgTypes of the messages to route, comma separated; all when empty. */
    String getMsgTypes();

    /** The TypeNames of the callbacks to route, comma separated; all when empty. */
    String getTypeNames();

    /** Whether the account's own messages are dropped. */
    boolean isSkipOwnMessages();

    /** Whether status synchronisation messages (MsgType 51) are dropped. */
    boolean isSkipStatusSync();

    /** Where the keys of received messages are kept; null for a bounded in-memory repository. */
    IdempotentRepository getIdempotentRepository();

    /** How many keys the default in-memory repository keeps. */
    int getIdempotentCacheSize();

    /** Whether the key of a message whose route failed is forgotten, so that GeWe's next push is routed. */
    boolean isRemoveOnFailure();

    /** The largest POST body accepted, in bytes. */
    int getMaxBodySize();

    /** The longest a POST's body may take to arrive, in milliseconds. */
    long getReadTimeout();

    /** The shared secret every push must carry; null for none. */
    String getSecret();

    /** The public URL registered with GeWe once the application has started; null for none. */
    String getRegisterUrl();

    /** How long after GeWe accepted the registration its ping must have arrived, in milliseconds. */
    long getPingTimeout();

    /** How long an account may go without a push before it is reported silent, in milliseconds; 0 for never. */
    long getSilenceTimeout();

    /** Whether the URL is registered again when an account falls silent. */
    boolean isReregisterOnSilence();

    /** Where the accounts' last arrivals are kept across restarts; null for memory only. */
    StateRepository<String, String> getArrivalRepository();

    /** Where refused pushes are sent, with their raw bytes; null for nowhere. */
    String getDeadLetterUri();

    /** The account the endpoint is for (registerUrl's account); null when not set. */
    String getAppId();

    /** The GeWe token the URL is registered for. */
    String getToken();

    /** How long the registration waits for a connection to GeWe, in milliseconds. */
    long getConnectTimeout();

    /** How long the registration waits for GeWe's answer, in milliseconds. */
    long getResponseTimeout();

    /** The threads routes run on. */
    int getPoolSize();

    /** How many accepted pushes may wait for a route thread. */
    int getMaxQueueSize();
}

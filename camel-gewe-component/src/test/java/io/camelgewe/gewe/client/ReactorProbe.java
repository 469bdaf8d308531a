package io.camelgewe.gewe.client;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;

import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.io.CloseMode;

/**
 * Stops the HTTP client's I/O reactor under the component, the two ways it happens in production: an Error thrown on
 * one of its threads (an OutOfMemoryError while an answer is read) and a close from outside.
 */
public final class ReactorProbe {

    private ReactorProbe() {
    }

    /** Closes the async client the component's calls go through now, as something outside the component would. */
    public static void closeUnderneath(GeweHttpClient client) {
        client.currentClient().close(CloseMode.IMMEDIATE);
    }

    /**
     * Makes the I/O thread that reads the answer from {@code uri} die of an Error, as an OutOfMemoryError while a reply
     * is buffered does.
     */
    public static void throwOnIoThread(GeweHttpClient client, URI uri) {
        client.execute(SimpleRequestProducer.create(SimpleRequestBuilder.get(uri).build()),
                new AbstractBinResponseConsumer<Void>() {
                    @Override
                    protected void start(HttpResponse response, ContentType contentType) {
                        throw new OutOfMemoryError("simulated by ReactorProbe: the heap ran out as an answer arrived");
                    }

                    @Override
                    protected int capacityIncrement() {
                        return 4096;
                    }

                    @Override
                    protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
                    }

                    @Override
                    protected Void buildResult() {
                        return null;
                    }

                    @Override
                    public void releaseResources() {
                    }
                }, new FutureCallback<>() {
                    @Override
                    public void completed(Void result) {
                    }

                    @Override
                    public void failed(Exception ex) {
                    }

                    @Override
                    public void cancelled() {
                    }
                });
    }
}

package io.camelgewe.gewe.springboot.bare;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.camelgewe.gewe.GeweConfiguration;
import io.camelgewe.gewe.catalog.GeweOperation;
import io.camelgewe.gewe.spi.FetchOrigins;
import io.camelgewe.gewe.spi.FetchedFile;
import io.camelgewe.gewe.spi.GeweClient;
import io.camelgewe.gewe.spi.GeweTimeouts;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * An application with no routes and a bean of every type an object option of the component takes, for the tests
 * that look at how the properties reach the component.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class BareApplication {

    @Bean
    GeweConfiguration sharedConfiguration() {
        return new GeweConfiguration();
    }

    @Bean
    GeweClient answeringNothing() {
        return new GeweClient() {
            @Override
            public CompletableFuture<Object> call(GeweOperation operation, Object[] values, GeweTimeouts timeouts) {
                return CompletableFuture.failedFuture(new UnsupportedOperationException("no GeWe in this test"));
            }

            @Override
            public CompletableFuture<FetchedFile> fetch(GeweOperation operation, String fileUrl, FetchOrigins origins,
                                                        Path directory, GeweTimeouts timeouts) {
                return CompletableFuture.failedFuture(new UnsupportedOperationException("no GeWe in this test"));
            }
        };
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService sharedPool() {
        return Executors.newSingleThreadExecutor();
    }

    @Bean
    IdempotentRepository seenMessages() {
        return MemoryIdempotentRepository.memoryIdempotentRepository(10);
    }

    @Bean
    StateRepository<String, String> cdnCopies() {
        return new MemoryStateRepository();
    }

    @Bean
    SSLContextParameters tls() {
        return new SSLContextParameters();
    }
}

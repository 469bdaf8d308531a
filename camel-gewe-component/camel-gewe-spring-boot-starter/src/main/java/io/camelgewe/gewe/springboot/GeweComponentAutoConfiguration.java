package io.camelgewe.gewe.springboot;

import java.util.Map;

import io.camelgewe.gewe.GeweComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Configures the {@code gewe} component from {@code camel.component.gewe.*}, the way Camel's own Spring Boot starters
 * configure theirs: Spring Boot binds the properties into {@link GeweComponentConfiguration}, and a
 * {@link ComponentCustomizer} sets them on the component when Camel creates it, through Camel's property binding (so
 * {@code #name} resolves to the Spring bean {@code name}).
 * <p>
 * Switched off with {@code camel.component.gewe.enabled=false} (or {@code camel.component.enabled=false}); the
 * customizer alone with {@code camel.component.gewe.customizer.enabled=false}.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.gewe"})
@EnableConfigurationProperties({ComponentConfigurationProperties.class, GeweComponentConfiguration.class})
public class GeweComponentAutoConfiguration {

    /** Created by Spring Boot's auto-configuration. */
    public GeweComponentAutoConfiguration() {
    }

    /**
     * The customizer that sets what {@code camel.component.gewe.*} holds on the gewe component.
     *
     * @param  camelContext             the context the component belongs to
     * @param  configuration            the bound properties
     * @param  environment              where the properties come from
     * @return                          the customizer
     * @throws IllegalArgumentException when a {@code camel.component.gewe.*} property is not an option of the
     *                                  component: a misspelt token would otherwise be ignored
     */
    @Bean
    public ComponentCustomizer configureGeweComponent(CamelContext camelContext,
                                                      GeweComponentConfiguration configuration,
                                                      Environment environment) {
        GeweOptionNames.check(environment);
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                Map<String, Object> options = configuration.componentOptions();
                // checked first: Camel's helper retries a value it could not set as a bean reference, and would
                // report a duration such as "abc" as a bean it cannot find
                options.forEach((option, value) -> {
                    if (value instanceof String text) {
                        ((GeweComponent) target).checkOptionText(option, text);
                    }
                });
                // failIfNotSet: every option set in Spring must take, or the application does not start
                CamelPropertiesHelper.setCamelProperties(camelContext, target, options, true);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return target instanceof GeweComponent && HierarchicalPropertiesEvaluator.evaluate(environment,
                        "camel.component.customizer", "camel.component.gewe.customizer");
            }
        };
    }

    /** The actuator's side: only there when Spring Boot's actuator is. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SanitizingFunction.class)
    static class Actuator {

        /**
         * Masks the token and the callback secret in {@code /actuator/configprops} and {@code /actuator/env}, even
         * with {@code show-values=always}: Spring Boot 3 masks no key by name of its own.
         */
        @Bean
        SanitizingFunction geweSecretsSanitizer(GeweComponentConfiguration configuration) {
            return new GeweSecretsSanitizer(configuration);
        }
    }
}

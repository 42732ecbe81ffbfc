package org.rabt.config.console;

import org.rabt.mappings.directory.Directory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** The console's languages: the locale of each request, and {@code ?lang=ar|fr|en} to change it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleProperties.class)
public class ConsoleWebConfiguration implements WebMvcConfigurer {

    /** Spring's DispatcherServlet finds the resolver by this bean name. */
    @Bean(name = "localeResolver")
    LocaleResolver localeResolver() {
        return new ConsoleLocales();
    }

    /** The templates' {@code @consoleLabels}. */
    @Bean
    ConsoleLabels consoleLabels(Directory directory, ConsoleProperties properties, MessageSource messages) {
        return new ConsoleLabels(directory, properties, messages);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).addPathPatterns("/console", "/console/**");
    }
}

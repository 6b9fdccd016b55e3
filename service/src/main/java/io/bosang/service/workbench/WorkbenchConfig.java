package io.bosang.service.workbench;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.time.Duration;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

/**
 * The workbench's web setup: Korean or English, chosen by the browser's Accept-Language until the visitor switches
 * ({@code ?lang=ko} / {@code ?lang=en}, kept in a cookie); any other language falls back to English.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkbenchProperties.class)
public class WorkbenchConfig implements WebMvcConfigurer {
    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.KOREAN);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("bosang-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(WorkbenchConfig::fromAcceptLanguage);
        return resolver;
    }

    /** The first of the request's languages (in the browser's order) that the workbench speaks; else English. */
    static Locale fromAcceptLanguage(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) return Locale.ENGLISH;
        Enumeration<Locale> wanted = request.getLocales();
        while (wanted.hasMoreElements()) {
            String language = wanted.nextElement().getLanguage();
            for (Locale l : LANGUAGES) if (l.getLanguage().equals(language)) return l;
        }
        return Locale.ENGLISH;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                String lang = request.getParameter("lang");
                for (Locale l : LANGUAGES) {
                    if (l.getLanguage().equals(lang)) RequestContextUtils.getLocaleResolver(request).setLocale(request, response, l);
                }
                return true;   // any other value is ignored: the page stays in the language it had
            }
        }).excludePathPatterns("/v1/**", "/v3/**", "/actuator/**", "/assets/**");
    }
}

package org.lantian.dashboard;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Maps {@code /} and {@code /dashboard} to the dashboard's page. The static files need no
 * API key (the filter guards {@code /api/*} only); every call the page makes does.
 */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/", "/dashboard/");
		registry.addRedirectViewController("/dashboard", "/dashboard/");
		registry.addViewController("/dashboard/").setViewName("forward:/dashboard/index.html");
	}

}

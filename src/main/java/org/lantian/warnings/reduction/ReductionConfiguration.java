package org.lantian.warnings.reduction;

import java.time.Clock;
import java.time.ZoneId;

import io.micrometer.core.instrument.MeterRegistry;
import org.lantian.domain.warning.reduction.ReductionList;
import org.lantian.rules.ExternalRule;
import org.lantian.storage.AlertJournal;
import org.lantian.storage.ReadingRepository;
import org.lantian.warnings.Warnings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReductionProperties.class)
class ReductionConfiguration {

	@Bean
	ComplianceService complianceService(Warnings warnings, ReductionList reductionList, ReadingRepository readings,
			Clock clock, ZoneId reportingZone) {
		return new ComplianceService(warnings, reductionList, readings, clock, reportingZone);
	}

	@Bean
	ReductionMonitor reductionMonitor(Warnings warnings, ComplianceService complianceService,
			ApplicationEventPublisher events, ReductionProperties properties, Clock clock, ZoneId reportingZone,
			MeterRegistry registry, AlertJournal alertJournal, ReductionList reductionList) {
		return new ReductionMonitor(warnings, complianceService, new ReductionAlerts(reportingZone), events, properties,
				clock, registry, alertJournal, reductionList);
	}

	/**
	 * The reduction round's alerts are its own: the rule engine, which clears the open
	 * conditions of rules no longer in its file at start, leaves them open.
	 */
	@Bean
	ExternalRule emergencyReductionRule() {
		return new ExternalRule(ReductionAlerts.RULE);
	}

}

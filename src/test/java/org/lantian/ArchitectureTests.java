package org.lantian;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

/**
 * The rules of STYLE S-3 and S-5 that package-info declarations cannot express.
 */
@AnalyzeClasses(packages = "org.lantian", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule domainIsPlainJava = noClasses().that()
		.resideInAPackage("org.lantian.domain..")
		.and()
		.doNotHaveSimpleName("package-info")
		.should()
		.dependOnClassesThat()
		.resideOutsideOfPackages("java..", "org.jspecify..", "org.lantian.domain..")
		.because("the domain is plain Java (S-3)");

	@ArchTest
	static final ArchRule domainHasNoHiddenClock = noClasses().that()
		.resideInAPackage("org.lantian.domain..")
		.should()
		.callMethod(java.time.Instant.class, "now")
		.orShould()
		.callMethod(java.time.LocalDate.class, "now")
		.orShould()
		.callMethod(System.class, "currentTimeMillis")
		.orShould()
		.callMethod(Math.class, "ceil", double.class)
		.because("domain rules take the instant as an argument and round with BigDecimal (S-8, S-9)");

	@ArchTest
	static final ArchRule influxStaysInItsAdapter = noClasses().that()
		.resideOutsideOfPackage("org.lantian.storage.influx..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.influxdb..", "okhttp3..", "retrofit2..")
		.because("InfluxDB is reached only through storage.influx (S-15)");

	@ArchTest
	static final ArchRule httpClientOnlyInAdapters = noClasses().that()
		.resideOutsideOfPackages("org.lantian.storage.influx..", "org.lantian.alerts.channel..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("java.net.http..")
		.because("outbound HTTP belongs to the InfluxDB adapter and the webhook channel (S-5)");

	@ArchTest
	static final ArchRule pahoStaysAtTheEdges = noClasses().that()
		.resideOutsideOfPackages("..ingest.mqtt..", "..alerts.channel..", "..simulator..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.eclipse.paho..")
		.because("MQTT is an adapter concern; mqttv3 1.2.5 only (the v5 client loses QoS 1 publishes)");

	@ArchTest
	static final ArchRule jfreeChartOnlyInCharts = noClasses().that()
		.resideOutsideOfPackage("org.lantian.charts..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.jfree..");

	@ArchTest
	static final ArchRule noLegacyDates = noClasses().should()
		.dependOnClassesThat()
		.haveFullyQualifiedName("java.util.Date")
		.orShould()
		.dependOnClassesThat()
		.haveFullyQualifiedName("java.util.Calendar")
		.because("time is java.time (S-7)");

	@ArchTest
	static final ArchRule noFieldInjection = NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

	@ArchTest
	static final ArchRule noStandardStreams = noClasses().that()
		.doNotHaveFullyQualifiedName("org.lantian.ingest.hj212.cli.Hj212InspectorCli")
		.should(ACCESS_STANDARD_STREAMS)
		.because("services log; only the command-line frame inspector's main method prints");

	@ArchTest
	static final ArchRule noJavaUtilLogging = NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

}

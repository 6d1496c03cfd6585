package io.pathtrack.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/**
 * The site calendar is set for specimen turnaround (specimen-service) and for acknowledgement deadlines
 * (notify-service): the two must name the same working days and holidays, or a specimen's due date and its result's
 * acknowledgement deadline would disagree about when the lab works.
 */
class SiteCalendarAgreesTest {

  private static Binder binder(String service) throws IOException {
    return new Binder(ConfigurationPropertySources.from(
        new YamlPropertySourceLoader().load(service, new ClassPathResource(service + ".yaml"))));
  }

  @Test
  void specimenTurnaroundAndAcknowledgementDeadlinesUseTheSameWorkingDaysAndHolidays() throws IOException {
    Binder specimen = binder("specimen-service");
    Binder notify = binder("notify-service");
    Bindable<List<String>> list = Bindable.listOf(String.class);
    List<String> holidays = specimen.bind("pathtrack.specimen.sla.calendar.holidays", list).get();
    assertThat(holidays).isNotEmpty();
    assertThat(notify.bind("pathtrack.notify.calendar.holidays", list).get()).isEqualTo(holidays);
    assertThat(notify.bind("pathtrack.notify.calendar.working-days", list).get())
        .isEqualTo(specimen.bind("pathtrack.specimen.sla.calendar.working-days", list).get());
    assertThat(notify.bind("pathtrack.notify.zone", String.class).get())
        .isEqualTo(specimen.bind("pathtrack.specimen.sla.calendar.zone", String.class).get());
  }
}

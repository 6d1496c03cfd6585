package io.pathtrack.specimen.sla;

import io.pathtrack.specimen.domain.FollowUps;
import java.time.Period;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a recommended follow-up is due if its report states no interval ({@code pathtrack.specimen.follow-up.due}, by
 * kind: {@code repeat-biopsy: 14d}, {@code imaging: 6m}…); kinds left out keep {@link FollowUps#DEFAULT_DUE}.
 */
@ConfigurationProperties("pathtrack.specimen.follow-up")
public record FollowUpProperties(@DefaultValue Map<String, Period> due) {

  public FollowUps toFollowUps() {
    return new FollowUps(due);
  }
}

import { UsageError } from "../errors.js";

/** The last second of 9999: calendar files and letters write four-digit years. */
const MAX_EPOCH_SECONDS = 253402300799;

/**
 * The run's current time, given to every command as `deps.now`: from
 * SOURCE_DATE_EPOCH (whole seconds) when it is set, so every "generated" time
 * and so the bytes of the outputs are reproducible, else from the clock.
 */
export function currentTime(env: Readonly<Record<string, string | undefined>>, clock: () => Date): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === "") return clock();
  if (!/^\d+$/.test(epoch) || Number(epoch) > MAX_EPOCH_SECONDS)
    throw new UsageError(
      `SOURCE_DATE_EPOCH must be whole seconds since 1970, from 0 to ${MAX_EPOCH_SECONDS} (the end of 9999), got \`${epoch.length > 40 ? `${epoch.slice(0, 40)}…` : epoch}\``,
      "unset it to use the current time",
    );
  return new Date(Number(epoch) * 1000);
}

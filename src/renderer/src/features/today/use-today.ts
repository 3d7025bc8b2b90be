import { useCallback, useRef, useState } from 'react';
import type { TodaySummary } from '../../../../shared/followups';
import { errorText, invoke } from '../../api';

/** The Today summary: kept on screen while it reloads, so a reload after a save does not flicker. */
export function useToday() {
  const [data, setData] = useState<TodaySummary | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    try {
      const summary = await invoke('agenda.today', {});
      if (mine === seq.current) {
        setData(summary);
        setError(null);
      }
    } catch (e) {
      if (mine === seq.current) setError(errorText(e));
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, []);

  return { data, loading, error, reload };
}

/** Tracks which inputs of a calculator are invalid, so its results wait for valid inputs. */
import { computed, reactive } from 'vue'

export function useValidity() {
  const errors = reactive<Record<string, string | null>>({})
  return {
    errors,
    track: (key: string) => (message: string | null) => {
      errors[key] = message
    },
    invalid: computed(() => Object.values(errors).some((e) => !!e)),
  }
}

// Fixed conversion rates of the sandbox, for summing deal values in the policy currency (EUR).
export const EUR_PER = { EUR: 1, USD: 0.92, GBP: 1.17, CHF: 1.05 } as const;

/**
 * How the registration system (Wijs) keeps things: in Dutch, in Eindhoven's time. Exports
 * follow it, whoever downloads them and in whatever language she reads the dashboard.
 */
export const registrationLanguage = 'nl';
export const registrationZone = 'Europe/Amsterdam';

import '@poly-partner/widgets/partner-config.js';
import '@poly-partner/widgets/partner-tier-badge.js';

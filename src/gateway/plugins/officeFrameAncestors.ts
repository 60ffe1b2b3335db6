/**
 * Where Office shows the add-in. The task pane and the shared runtime are iframes inside Office's own
 * pages, and CSP `frame-ancestors` must match EVERY ancestor frame (office-js #3342 and
 * office-js-docs-pr #4911 show "Refused to frame … because an ancestor violates … frame-ancestors").
 * Each entry names the Microsoft source it comes from. Desktop Excel does not frame the add-in, so
 * this list only matters for Excel on the web and the Microsoft 365 hosts that embed it.
 */
export const OFFICE_FRAME_ANCESTORS = [
  // The gateway's own pages (help, sign-in completion) may frame each other.
  "'self'",
  // Excel for the web itself runs on *.officeapps.live.com inside every host below (office-js #3342:
  // the list a Microsoft engineer reviewed there starts with it).
  "https://*.officeapps.live.com",
  // Excel for the web opened from consumer OneDrive (office-js #3342: onedrive.live.com).
  "https://onedrive.live.com",
  // Excel for the web opened from OneDrive for work or school and SharePoint (office-js-docs-pr #4911:
  // the reporter's add-in only loaded once *.sharepoint.com was listed; office-js #3342).
  "https://*.sharepoint.com",
  // office.com, microsoft365.com and the unified cloud.microsoft domain (Teams platform docs,
  // "Prerequisites" for tabs: "Microsoft 365 app *.microsoft365.com, *.office.com", "All hosts (New)
  // *.cloud.microsoft"; office-js-docs-pr #4911, Microsoft: "excel.cloud.microsoft").
  "https://*.office.com",
  "https://*.microsoft365.com",
  "https://*.cloud.microsoft",
  // Microsoft 365 hosts still on office365.com (same Teams prerequisites page: outlook.office365.com).
  "https://*.office365.com",
  // Excel files opened inside Microsoft Teams (same page: "Teams teams.microsoft.com,
  // *.teams.microsoft.com"; the new Teams runs on teams.cloud.microsoft, covered above).
  "https://teams.microsoft.com",
  "https://*.teams.microsoft.com",
] as const;

import './caseworker.css';

// Only the styles of the caseworker pages; every page checks the role itself (requireStaffPage).
export default function CaseworkerLayout({ children }: { children: React.ReactNode }) {
  return children;
}
